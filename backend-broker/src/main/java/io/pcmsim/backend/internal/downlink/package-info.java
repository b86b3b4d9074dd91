/** From the backend to one car: envelopes on {@code pcm/v1/vehicles/{vin}/down/{level}} over the backend's session. */
@NullMarked
package io.pcmsim.backend.internal.downlink;

import org.jspecify.annotations.NullMarked;
