/**
 * What a service is to the backend: one {@link io.pcmsim.backend.internal.service.ServiceHandler} per
 * service (its bodies, tables and migrations, retention, queries), handed the validated
 * {@link io.pcmsim.backend.internal.service.UplinkRecord}s of its service inside the batch transaction.
 */
@NullMarked
package io.pcmsim.backend.internal.service;

import org.jspecify.annotations.NullMarked;
