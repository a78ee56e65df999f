package jp.tsunagari.system;

/** Thrown when a requested entry (program, category…) does not exist or is not public: rendered as a 404 page. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what, null, false, false);
    }
}
