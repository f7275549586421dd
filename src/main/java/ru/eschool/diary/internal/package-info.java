/** The diary's adapters to other modules' read APIs. */
@org.jspecify.annotations.NullMarked
package ru.eschool.diary.internal;
