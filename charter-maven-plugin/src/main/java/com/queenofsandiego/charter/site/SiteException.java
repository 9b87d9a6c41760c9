package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.CharterException;
import com.queenofsandiego.charter.source.Problem;

import java.util.List;

/** The site cannot be rendered because of problems in the content or theme, each with its file and line. */
public final class SiteException extends CharterException {

    private final List<Problem> problems;

    public SiteException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the content or theme");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public boolean usersFault() {
        return true;
    }
}
