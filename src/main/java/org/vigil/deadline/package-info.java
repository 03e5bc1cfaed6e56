/**
 * Regulatory clocks: which authorities must hear of an incident, which rules apply, and by when. The rules are data
 * (versioned rule packs under {@code rulepacks/}, each rule with its legal source and the dates it is in force), the
 * counting is explicit (calendar days from the awareness date in the manufacturer's time zone, working days on the
 * authority's holiday calendar) and the selection is a pure function of the case's facts: EU MDR Art. 87–89 and IVDR
 * Art. 82–84, Swiss MedDO Art. 66 and IvDO Art. 59, the GB post-market surveillance regulations (SI 2024/1368) and
 * the rules before them, the Turkish medical device regulations and 21 CFR 803 and 806.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines")
package org.vigil.deadline;
