/**
 * Identity and contracts: the users the backend knows, which user owns which VIN, and each VIN's
 * connectivity package with its validity, which the services check before they offer anything.
 */
@NullMarked
package io.pcmsim.backend.identity;

import org.jspecify.annotations.NullMarked;
