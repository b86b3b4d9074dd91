package io.pcmsim.backend;

import java.util.List;

/**
 * Messages missing from what the backend stored, counted from the sequence numbers it saw: a car numbers
 * its messages 1, 2, 3, ... within each boot, so within a (VIN, boot id) every number between the lowest and
 * the highest stored one that is not stored is a message lost between car and store. Counting from the
 * lowest stored number, not from 1, keeps what the retention job deleted out of the count: it deletes a
 * class's oldest messages first (a boot's login goes after a year while its Smart Service reports stay). A
 * lost first message of a boot shows otherwise: the backend asks for a fresh login when a boot's messages
 * come without one. What a car lost after its last stored message of a boot cannot be seen this way.
 *
 * @param boots (VIN, boot id) pairs with at least one stored message
 * @param missing numbers missing between the lowest and the highest stored one, over all boots
 * @param examples up to 10 boots with gaps, as {@code VIN/boot: missing}, for error messages
 */
public record SequenceGaps(long boots, long missing, List<String> examples) {

    public SequenceGaps {
        examples = List.copyOf(examples);
    }
}
