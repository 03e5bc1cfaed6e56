package org.vigil.casework;

/** Where a complaint entered by manufacturer staff came from (ISO 13485:2016 §8.2.2: all complaints, any channel). */
public enum ComplaintSource {
    PHONE, EMAIL, FIELD_SERVICE, LITERATURE, OTHER
}
