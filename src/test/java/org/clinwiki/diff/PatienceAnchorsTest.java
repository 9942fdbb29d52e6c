package org.clinwiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class PatienceAnchorsTest {

    @Test
    void keepsTheLongestRunInOrder() {
        int[] values = {5, 1, 6, 2, 7, 3, 8};
        int[] kept = PatienceAnchors.longestIncreasing(values);
        assertThat(kept).hasSize(4);
        assertThat(increasing(values, kept)).isTrue();
    }

    @Property
    void findsAnIncreasingRunAsLongAsAnyOther(@ForAll @Size(max = 60) @UniqueElements List<Integer> list) {
        int[] values = list.stream().mapToInt(Integer::intValue).toArray();
        int[] kept = PatienceAnchors.longestIncreasing(values);
        assertThat(increasing(values, kept)).isTrue();
        assertThat(kept).hasSize(longestByBruteForce(values));
    }

    private static boolean increasing(int[] values, int[] indices) {
        for (int k = 1; k < indices.length; k++) {
            if (indices[k] <= indices[k - 1] || values[indices[k]] <= values[indices[k - 1]]) {
                return false;
            }
        }
        return true;
    }

    // The quadratic textbook recurrence: the longest run ending at each value.
    private static int longestByBruteForce(int[] values) {
        int[] endingAt = new int[values.length];
        int longest = 0;
        for (int i = 0; i < values.length; i++) {
            endingAt[i] = 1;
            for (int j = 0; j < i; j++) {
                if (values[j] < values[i]) {
                    endingAt[i] = Math.max(endingAt[i], endingAt[j] + 1);
                }
            }
            longest = Math.max(longest, endingAt[i]);
        }
        return longest;
    }
}
