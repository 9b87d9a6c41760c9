package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.text.UntrustedText;

import java.util.ArrayList;
import java.util.List;

import static com.queenofsandiego.charter.text.UntrustedText.codeSpan;

/**
 * What publishing would change: objects to upload (and why), objects to delete, the paths to invalidate and whether
 * the CloudFront function changes. A value: planning makes no write, and applying does exactly this.
 *
 * @param before the manifest as stored now
 * @param after the manifest once the uploads are done (the deletions are dropped from it last)
 */
public record PublishPlan(
        String target,
        boolean cdnConfigured,
        List<Upload> uploads,
        List<String> deletes,
        List<String> invalidations,
        FunctionChange function,
        String functionCode,
        int unchanged,
        Manifest before,
        Manifest after) {

    public PublishPlan {
        uploads = List.copyOf(uploads);
        deletes = List.copyOf(deletes);
        invalidations = List.copyOf(invalidations);
    }

    public enum Reason { NEW, CHANGED }

    public enum FunctionChange { NONE, CREATE, UPDATE }

    public record Upload(SiteObject object, Reason reason) {
    }

    public boolean isEmpty() {
        return uploads.isEmpty() && deletes.isEmpty() && function == FunctionChange.NONE;
    }

    public long uploadBytes() {
        return uploads.stream().mapToLong(u -> u.object().size()).sum();
    }

    /** "S3: upload 2 (1 new, 1 changed, 14 KB), delete 0, unchanged 23; CloudFront: invalidate 2 paths, function unchanged" */
    public String summary() {
        long added = uploads.stream().filter(u -> u.reason() == Reason.NEW).count();
        return "S3 (" + target + "): upload " + uploads.size() + " (" + added + " new, " + (uploads.size() - added) + " changed, "
                + kilobytes(uploadBytes()) + "), delete " + deletes.size() + ", unchanged " + unchanged
                + (!cdnConfigured ? "; CloudFront: not configured" : "; CloudFront: invalidate " + invalidations.size() + (invalidations.size() == 1 ? " path" : " paths")
                + ", function " + (function == FunctionChange.NONE ? "unchanged" : function.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The plan for reviewers: deletions first and in bold, then uploads, invalidations and the function. */
    public List<String> markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("### S3 (" + target + ")");
        if (uploads.isEmpty() && deletes.isEmpty()) {
            lines.add("Nothing to upload or delete (" + unchanged + " objects unchanged).");
        }
        for (String key : deletes) {
            lines.add("- **delete " + codeSpan(key) + "**");
        }
        for (Upload upload : uploads) {
            String key = upload.object().key();
            // plan.md sits beside site/ in the CI artifact, so a reviewer can open the rendered page from here.
            String preview = key.endsWith(".html") ? " — [preview](site/" + key + ")" : "";
            lines.add("- " + (upload.reason() == Reason.NEW ? "add" : "update") + " " + codeSpan(key) + " ("
                    + kilobytes(upload.object().size()) + ", " + upload.object().contentType() + ")" + preview);
        }
        if (!uploads.isEmpty() || !deletes.isEmpty()) {
            lines.add(unchanged + " objects unchanged.");
        }
        lines.add("### CloudFront");
        if (!cdnConfigured) {
            lines.add("Not configured (set charter.cloudfront.distributionId): nothing is invalidated.");
            return lines;
        }
        lines.add(invalidations.isEmpty() ? "No invalidation." : "Invalidate: " + String.join(", ", invalidations.stream().map(UntrustedText::codeSpan).toList()));
        lines.add("Function `path-rewriter`: " + switch (function) {
            case NONE -> "unchanged.";
            case CREATE -> "create and publish.";
            case UPDATE -> "update and publish.";
        });
        return lines;
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 512) / 1024 + " KB";
    }
}
