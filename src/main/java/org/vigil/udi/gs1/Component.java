package org.vigil.udi.gs1;

import java.util.List;

/**
 * One component of an AI's data field as the Syntax Dictionary decomposes it, e.g. {@code N6,yymmd0}
 * or the optional {@code [X..17]}: a character set, a length (fixed when {@code min == max} and the
 * spec had no {@code ..}), and the linters that check its content.
 */
public record Component(CharacterSet characterSet, int minLength, int maxLength, boolean optional,
        List<Gs1Linter> linters) {

    public Component {
        linters = List.copyOf(linters);
    }

    public boolean fixedLength() {
        return minLength == maxLength;
    }

    /** Dictionary notation, e.g. {@code N..20}. */
    public String notation() {
        String length = fixedLength() ? Integer.toString(maxLength) : ".." + maxLength;
        return characterSet.letter() + length;
    }
}
