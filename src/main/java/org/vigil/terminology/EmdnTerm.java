package org.vigil.terminology;

/**
 * One term of the European Medical Device Nomenclature (EMDN), the nomenclature of MDR Art. 26 used in EUDAMED.
 *
 * @param code the alphanumeric code, for example {@code A0101}: a category letter followed by two digits per level
 * @param term the term, for example {@code NEEDLES FOR INFUSION AND SAMPLING}
 * @param level 1 (category) to 7
 * @param terminal whether the term is a terminal level (devices are coded at terminal levels where possible)
 * @param parentCode the code one level up, or {@code null} for a category
 * @param category the category letter, for example {@code A}
 * @param categoryDescription the category's title
 */
public record EmdnTerm(String code, String term, int level, boolean terminal, String parentCode, String category,
        String categoryDescription) {
}
