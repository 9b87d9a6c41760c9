package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.CharterException;

/** The distribution does not run the function and deploy may not associate it: refused before anything changes. */
public final class NotAssociatedException extends CharterException {

    public NotAssociatedException(PublishPlan plan) {
        super(plan.associationProblem() + ". Nothing was changed.");
    }

    @Override
    public boolean usersFault() {
        return true;
    }
}
