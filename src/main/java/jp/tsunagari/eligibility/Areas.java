package jp.tsunagari.eligibility;

/** What the evaluator needs to know about places; implemented over the place module (PlaceAreas). */
public interface Areas {

    /** The 2-digit prefecture code of a place code (itself for a prefecture); null if unknown. */
    String prefectureOf(String code);

    /** For a designated-city ward, its city's code; otherwise null. */
    String parentOf(String code);

    /** Is {@code place} inside {@code area}? TRUE, FALSE, or null when the place is too coarse to tell. */
    default Boolean within(String place, String area) {
        if (place.equals(area) || area.equals(parentOf(place))) {
            return true;
        }
        String placePref = prefectureOf(place);
        String areaPref = prefectureOf(area);
        if (placePref == null || areaPref == null || !placePref.equals(areaPref)) {
            return false;
        }
        if (area.length() == 2) {
            return true;
        }
        return place.length() == 2 ? null : false;
    }
}
