package io.pcmsim.backend;

import java.util.List;
import java.util.Objects;

/**
 * The driver's settings and the car's capabilities as its newest stored login reported them.
 *
 * @param bootId boot id of that login
 * @param sequence sequence of that login
 * @param privacyMode whether privacy mode was on (a car in privacy mode sends nothing, so a stored login
 *     normally says off; it says on only for a car whose firmware logs in before going silent)
 * @param withLocationEnabled whether the service group "with location" was on
 * @param withoutLocationEnabled whether the service group "without location" was on
 * @param disabledServices services the driver switched off one by one, by topic name
 * @param liveDiagnosis whether the car supports live diagnosis in a breakdown call
 * @param onlineSoftwareUpdate whether the car supports online software updates
 * @param onlineMapUpdate whether the car supports online map updates
 */
public record ReportedSettings(long bootId, long sequence, boolean privacyMode, boolean withLocationEnabled,
        boolean withoutLocationEnabled, List<String> disabledServices, boolean liveDiagnosis,
        boolean onlineSoftwareUpdate, boolean onlineMapUpdate) {

    public ReportedSettings {
        disabledServices = List.copyOf(Objects.requireNonNull(disabledServices, "disabledServices"));
    }
}
