package vn.tiendo.command.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the aggregate tests: a refusal is right only with the right field and the right words. */
public final class Refusals {

    private Refusals() {
    }

    /** A {@link RuleViolation} naming {@code field} whose message contains {@code words}. */
    public static Matcher<RuleViolation> violation(String field, String words) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return field.equals(v.field()) && v.getMessage().contains(words);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RuleViolation on '" + field + "' saying '" + words + "'");
            }
        };
    }

    /** A {@link StateConflict} whose message contains {@code words}. */
    public static Matcher<StateConflict> conflict(String words) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(StateConflict c) {
                return c.getMessage().contains(words);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("StateConflict saying '" + words + "'");
            }
        };
    }
}
