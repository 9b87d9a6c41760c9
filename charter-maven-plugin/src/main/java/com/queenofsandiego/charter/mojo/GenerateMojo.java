package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.site.GenerationReport;
import com.queenofsandiego.charter.site.SiteGenerator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates, then renders the site into {@code ${charter.outputDirectory}/site}: a guest page and calendar file per
 * booking, the public pages from Markdown, sitemap.xml, robots.txt and the theme's assets with hashed names.
 * Only what changed since the last run is rendered again.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class GenerateMojo extends AbstractCharterMojo {

    @Override
    void run() throws MojoFailureException {
        generate();
    }

    GenerationReport generate() throws MojoFailureException {
        GenerationReport report = new SiteGenerator(siteSettings()).generate(loadBookings());
        getLog().info("charter: site in " + siteSettings().siteDirectory() + ": " + report);
        return report;
    }
}
