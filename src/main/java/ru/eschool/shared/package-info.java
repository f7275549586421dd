/**
 * The shared kernel: who is acting (roles, the current actor), errors that map to HTTP
 * statuses, and the web shell every page is rendered in (layout, i18n, assets). Every module
 * may use it; it depends on no module.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package ru.eschool.shared;
