/**
 * Online software update, implementation: the release key, packages, campaigns and waves, the handler of the
 * cars' queries, statuses and chunk requests, the operator side and the retention of the update records.
 */
@NullMarked
package io.pcmsim.backend.internal.softwareupdate;

import org.jspecify.annotations.NullMarked;
