/**
 * The portal: each role's home page and built-in help. It composes other modules' APIs and owns
 * no data.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.portal;
