package io.oxyde.it;

import io.oxyde.annotation.Column;
import io.oxyde.Ref;
import io.oxyde.chinook.Artist;
import java.math.BigDecimal;

/**
 * A model without any Bean Validation constraint, mixing columns stored exactly as sent
 * (integers, booleans, short strings, a foreign key) with columns the database may change
 * (a decimal's scale, a VARCHAR's excess trailing spaces).
 */
public record Reading(Long id, @Column(length = 6) String label, int hits, Boolean active,
                      @Column(precision = 10, scale = 3) BigDecimal amount, Ref<Artist> artist) {
}
