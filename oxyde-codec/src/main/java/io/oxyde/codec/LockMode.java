package io.oxyde.codec;

/**
 * Row locking of a select: FOR UPDATE or FOR SHARE, waiting for locked rows (the default),
 * failing at once ({@code NOWAIT}) or skipping them ({@code SKIP LOCKED}, a job queue's claim).
 */
public enum LockMode {
    UPDATE("update", false, Wait.WAIT),
    SHARE("share", true, Wait.WAIT),
    /** Since protocol revision 1.1. */
    UPDATE_NOWAIT("update_nowait", false, Wait.NOWAIT),
    /** Since protocol revision 1.1. */
    UPDATE_SKIP_LOCKED("update_skip_locked", false, Wait.SKIP_LOCKED),
    /** Since protocol revision 1.1. */
    SHARE_NOWAIT("share_nowait", true, Wait.NOWAIT),
    /** Since protocol revision 1.1. */
    SHARE_SKIP_LOCKED("share_skip_locked", true, Wait.SKIP_LOCKED);

    /** What a lock does about rows another transaction has locked. */
    public enum Wait { WAIT, NOWAIT, SKIP_LOCKED }

    private final String wireName;
    private final boolean shared;
    private final Wait wait;

    LockMode(String wireName, boolean shared, Wait wait) {
        this.wireName = wireName;
        this.shared = shared;
        this.wait = wait;
    }

    public String wireName() {
        return wireName;
    }

    /** FOR SHARE rather than FOR UPDATE. */
    public boolean shared() {
        return shared;
    }

    public Wait waitMode() {
        return wait;
    }

    /** The mode locking like {@code shared} with {@code wait}. */
    public static LockMode of(boolean shared, Wait wait) {
        for (LockMode m : values()) {
            if (m.shared == shared && m.wait == wait) {
                return m;
            }
        }
        throw new AssertionError(wait);
    }

    public static LockMode fromWireName(String name) {
        for (LockMode m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
