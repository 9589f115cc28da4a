package io.supplyline.command.rules;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a rejection by its kind and stable code, so a test fails if the wrong rule fired. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<CommandRejected> rejectedWith(Class<? extends CommandRejected> kind, String code) {
        return new TypeSafeMatcher<>(CommandRejected.class) {
            @Override
            protected boolean matchesSafely(CommandRejected rejection) {
                return kind.isInstance(rejection) && code.equals(rejection.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(kind.getSimpleName() + " with code " + code);
            }
        };
    }
}
