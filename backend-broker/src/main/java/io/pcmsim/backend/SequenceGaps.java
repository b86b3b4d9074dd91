package io.pcmsim.backend;

import java.util.List;

/**
 * Messages missing from what the backend stored, counted from the sequence numbers it saw: a car numbers
 * its messages 1, 2, 3, ... within each boot, so within a (VIN, boot id) every number between the lowest and
 * the highest stored one that is neither stored nor deleted by the retention job is a message lost between
 * car and store. Services keep their messages for different periods (breakdown 7 days, a map entitlement 90
 * days, manual usage 12 months, Smart Service 30 years), so retention leaves holes inside a boot's numbers;
 * it records per boot how many numbers it deleted and their range, and those count as present. Counting
 * from the lowest number, not from 1, keeps a boot whose first messages were deleted (and whose record went
 * with them) right too. A lost first message of a boot shows otherwise: the backend asks for a fresh login
 * when a boot's messages come without one. What a car lost after its last stored message of a boot cannot
 * be seen this way.
 *
 * @param boots (VIN, boot id) pairs with at least one stored message
 * @param missing numbers missing between the lowest and the highest stored or deleted one, over all boots
 * @param examples up to 10 boots with gaps, as {@code VIN/boot: missing}, for error messages
 */
public record SequenceGaps(long boots, long missing, List<String> examples) {

    public SequenceGaps {
        examples = List.copyOf(examples);
    }
}
