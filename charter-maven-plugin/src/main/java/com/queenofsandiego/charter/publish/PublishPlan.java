package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.store.SiteObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What publishing would change: objects to upload (and why), objects to delete, the paths to invalidate and whether
 * the CloudFront function changes. A value: planning makes no write, and applying does exactly this.
 *
 * @param before the manifest as stored now
 * @param manifestVersion where the stored manifest stood, which every manifest write of this deploy must build on
 * @param after the manifest once the uploads are done (the deletions are dropped from it last)
 * @param association whether the distribution runs the function (none without a distribution)
 * @param associate whether deploy may associate the function itself ({@code charter.cloudfront.associate})
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
        Manifest.Version manifestVersion,
        Manifest after,
        Optional<Cdn.Association> association,
        boolean associate) {

    public PublishPlan {
        uploads = List.copyOf(uploads);
        deletes = List.copyOf(deletes);
        invalidations = List.copyOf(invalidations);
    }

    /** Why an object is uploaded, in words a reviewer can act on. */
    public enum Reason {
        NEW("new"),
        CONTENT_CHANGED("content changed"),
        HEADERS_CHANGED("Content-Type or Cache-Control changed"),
        REMOTE_HASH_UNKNOWN("live copy's hash unknown");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Uploads in the order they go out: assets, then pages, then the sitemap and robots.txt, so nothing links to what is not there yet. */
    public record Phase(String name, List<Upload> uploads) {}

    public enum FunctionChange {
        NONE,
        CREATE,
        UPDATE
    }

    public record Upload(SiteObject object, Reason reason) {}

    public boolean isEmpty() {
        return uploads.isEmpty() && deletes.isEmpty() && function == FunctionChange.NONE && !willAssociate();
    }

    /** The distribution does not run the function and deploy may not associate it: deploy refuses before any write. */
    public boolean associationRefused() {
        return association.isPresent() && !association.get().associated() && !associate;
    }

    public boolean willAssociate() {
        return association.isPresent() && !association.get().associated() && associate;
    }

    /** Why deploy refuses, and the two ways out. */
    public String associationProblem() {
        Cdn.Association live = association.orElseThrow();
        return live.distribution() + " does not run " + PublishPlanner.FUNCTION_NAME
                + " on viewer request (its default cache"
                + " behavior runs " + live.current()
                + "), so /g/<slug> would not find the guest pages and the deploy records"
                + " under /.charter/ would be readable by anyone. Run the deploy with -Dcharter.cloudfront.associate=true to let it"
                + " associate the function after publishing it (the deploy role then needs cloudfront:UpdateDistribution), or"
                + " associate " + PublishPlanner.FUNCTION_NAME
                + " with the default cache behavior as a viewer-request function in"
                + " the CloudFront console";
    }

    /** The uploads by phase, in order; phases with nothing to upload are left out. */
    public List<Phase> phases() {
        List<Phase> phases = new ArrayList<>();
        addPhase(
                phases,
                "assets",
                uploads.stream()
                        .filter(u -> ObjectKinds.isAsset(u.object().key()))
                        .toList());
        addPhase(
                phases,
                "pages",
                uploads.stream()
                        .filter(u -> !ObjectKinds.isAsset(u.object().key())
                                && !ObjectKinds.isIndex(u.object().key()))
                        .toList());
        addPhase(
                phases,
                "sitemap and robots.txt",
                uploads.stream()
                        .filter(u -> ObjectKinds.isIndex(u.object().key()))
                        .toList());
        return phases;
    }

    private static void addPhase(List<Phase> phases, String name, List<Upload> uploads) {
        if (!uploads.isEmpty()) {
            phases.add(new Phase(name, uploads));
        }
    }

    public long uploadBytes() {
        return uploads.stream().mapToLong(u -> u.object().size()).sum();
    }

    /** "S3: upload 2 (1 new, 1 changed, 14 KB), delete 0, unchanged 23; CloudFront: invalidate 2 paths, function unchanged" */
    public String summary() {
        long added = uploads.stream().filter(u -> u.reason() == Reason.NEW).count();
        return "S3 (" + target + "): upload " + uploads.size() + " (" + added + " new, " + (uploads.size() - added)
                + " changed, "
                + kilobytes(uploadBytes()) + "), delete " + deletes.size() + ", unchanged " + unchanged
                + (!cdnConfigured
                        ? "; CloudFront: not configured"
                        : "; CloudFront: invalidate " + invalidations.size()
                                + (invalidations.size() == 1 ? " path" : " paths")
                                + ", function "
                                + (function == FunctionChange.NONE
                                        ? "unchanged"
                                        : function.name().toLowerCase(java.util.Locale.ROOT))
                                + ", " + associationSummary());
    }

    /** "associated", "associate (now no viewer-request function)" or "missing (function other)". */
    public String associationSummary() {
        Cdn.Association live = association.orElseThrow();
        return live.associated()
                ? "associated"
                : associate ? "associate (now " + live.current() + ")" : "missing (" + live.current() + ")";
    }

    public static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 512) / 1024 + " KB";
    }
}
