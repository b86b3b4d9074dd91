/**
 * Building blocks shared by the {@code pcmsim} commands: option converters, temporary folders, checks of
 * output paths, the logging of a run and the JVM shutdown hook that lets a command end cleanly on Ctrl-C.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.tools.cli;

import org.jspecify.annotations.NullMarked;
