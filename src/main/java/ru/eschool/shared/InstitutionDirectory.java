package ru.eschool.shared;

import java.util.Collection;
import java.util.Map;

/**
 * Short names of institutions by id, for headers and role switchers of modules that hold an
 * institution id but do not own institutions. Implemented by the school module.
 */
public interface InstitutionDirectory {

	Map<Long, String> shortNames(Collection<Long> ids);
}
