package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.store.ObjectState;
import com.queenofsandiego.charter.store.SiteObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner alone, on values: no target, no bucket, no CloudFront; what is live is given as it was read. */
class PublishPlannerTest {

    private static final String HTML = "text/html; charset=utf-8";

    @Test
    void eachUploadSaysWhyAndTheUploadsGoOutAssetsThenPagesThenTheSitemap() {
        SiteObject added = object("g/new.html", "n", HTML);
        SiteObject edited = object("g/edited.html", "e2", HTML);
        SiteObject retyped = object("g/retyped.ics", "r", "text/calendar; charset=utf-8");
        SiteObject unknown = object("g/unknown.html", "u", HTML);
        SiteObject same = object("g/same.html", "s", HTML);
        SiteObject sitemap = object("sitemap.xml", "m2", "application/xml; charset=utf-8");
        SiteObject asset = object("assets/site.0123456789.css", "c", "text/css; charset=utf-8");
        Map<String, ObjectState> recorded = Map.of(
                "g/edited.html", object("g/edited.html", "e1", HTML).state(),
                "g/retyped.ics",
                        object("g/retyped.ics", "r", "application/octet-stream").state(),
                "g/same.html", same.state(),
                "sitemap.xml",
                        object("sitemap.xml", "m1", "application/xml; charset=utf-8")
                                .state(),
                "g/gone.html", object("g/gone.html", "g", HTML).state());
        Map<String, String> listing = Map.of(
                "g/edited.html",
                "etag-e",
                "g/retyped.ics",
                "etag-r",
                "g/unknown.html",
                "etag-u",
                "g/same.html",
                "etag-s",
                "sitemap.xml",
                "etag-m",
                "g/gone.html",
                "etag-g");
        Manifest.Version read =
                new Manifest.Version(Optional.of("v1"), Optional.of("c1"), Manifest.Folded.NONE, Manifest.Changes.NONE);
        LiveSite live = new LiveSite(
                "test bucket", listing, new Manifest.Versioned(new Manifest(recorded, List.of()), read), Map.of());

        PublishPlan plan = PublishPlanner.plan(
                List.of(sitemap, same, unknown, retyped, edited, added, asset),
                Set.of(),
                live,
                Optional.empty(),
                "function",
                false);

        assertThat(plan.uploads())
                .extracting(u -> u.object().key() + " " + u.reason().words())
                .containsExactlyInAnyOrder(
                        "g/new.html new",
                        "g/edited.html content changed",
                        "g/retyped.ics Content-Type or Cache-Control changed",
                        "g/unknown.html live copy's hash unknown",
                        "sitemap.xml content changed",
                        "assets/site.0123456789.css new");
        assertThat(plan.phases())
                .extracting(PublishPlan.Phase::name)
                .containsExactly("assets", "pages", "sitemap and robots.txt");
        assertThat(plan.phases().get(2).uploads())
                .extracting(u -> u.object().key())
                .containsExactly("sitemap.xml");
        assertThat(plan.deletes()).containsExactly("g/gone.html");
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.manifestVersion()).isSameAs(read);
        assertThat(plan.after().objects())
                .containsKeys("g/new.html", "g/unknown.html")
                .containsEntry("g/retyped.ics", retyped.state())
                .containsEntry("g/same.html", same.state().listedAs("etag-s"));
    }

    private static SiteObject object(String key, String content, String contentType) {
        return new SiteObject(
                key,
                Path.of("unused"),
                "md5-" + content,
                "sha-" + content,
                content.length(),
                contentType,
                ObjectKinds.cacheControl(key),
                null);
    }
}
