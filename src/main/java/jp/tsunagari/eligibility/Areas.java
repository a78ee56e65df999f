package jp.tsunagari.eligibility;

import java.util.LinkedHashSet;
import java.util.Set;

/** What the evaluator needs to know about places; implemented over the place module (PlaceAreas). */
public interface Areas {

    /** The 2-digit prefecture code of a place code (itself for a prefecture); null if unknown. */
    String prefectureOf(String code);

    /** For a designated-city ward, its city's code; otherwise null. */
    String parentOf(String code);

    /**
     * Every area that contains {@code place}: the place itself, its city (for a ward) and its prefecture. An area
     * criterion holds for a place exactly when one of its areas is in this set.
     */
    default Set<String> containing(String place) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(place);
        String parent = parentOf(place);
        if (parent != null) {
            codes.add(parent);
        }
        String prefecture = prefectureOf(place);
        if (prefecture != null) {
            codes.add(prefecture);
        }
        return codes;
    }

    /**
     * The prefecture for which a place given only as that prefecture cannot tell whether it is inside {@code area}:
     * a municipality's prefecture; null for a prefecture or an unknown code.
     */
    default String coarseOf(String area) {
        return area.length() == 6 ? prefectureOf(area) : null;
    }

    /** Is {@code place} inside {@code area}? TRUE, FALSE, or null when the place is too coarse to tell. */
    default Boolean within(String place, String area) {
        if (containing(place).contains(area)) {
            return true;
        }
        return place.length() == 2 && place.equals(coarseOf(area)) ? null : false;
    }
}
