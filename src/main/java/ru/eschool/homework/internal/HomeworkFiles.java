package ru.eschool.homework.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import ru.eschool.shared.FileStore;

/**
 * Files of homework and hand-ins, kept by the shared {@link FileStore} (named by content hash,
 * type and size checked); this class only turns its problems into homework's messages.
 */
@Component
public class HomeworkFiles {

	public static final long MAX_BYTES = FileStore.MAX_BYTES;
	public static final String ACCEPT = FileStore.ACCEPT;

	/** A stored file: its content hash, a safe display name, its media type and size. */
	public record Stored(String sha256, String name, String mediaType, long size) {
	}

	private final FileStore store;

	HomeworkFiles(FileStore store) {
		this.store = store;
	}

	/** The message key of what is wrong with the file, or null when it may be stored. */
	public static @Nullable String problem(@Nullable String originalName, long size, byte[] head) {
		FileStore.Problem p = FileStore.problem(originalName, size, head);
		if (p == null) {
			return null;
		}
		return switch (p) {
			case EMPTY -> "homework.file.empty";
			case TOO_BIG -> "homework.file.tooBig";
			case TYPE -> "homework.file.type";
		};
	}

	/** Stores the bytes (after {@link #problem} said nothing) and describes them. */
	public Stored store(@Nullable String originalName, byte[] bytes) {
		FileStore.Stored s = store.store(originalName, bytes);
		return new Stored(s.sha256(), s.name(), s.mediaType(), s.size());
	}

	public Resource open(String sha256) {
		return store.open(sha256);
	}

	static String extension(@Nullable String name) {
		return FileStore.extension(name);
	}

	static String safeName(@Nullable String name) {
		return FileStore.safeName(name);
	}
}
