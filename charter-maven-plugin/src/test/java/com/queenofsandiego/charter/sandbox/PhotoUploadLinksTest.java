package com.queenofsandiego.charter.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoUploadLinksTest {

    private final S3Presigner presigner = S3Presigner.builder()
            .region(Region.US_WEST_2)
            .endpointOverride(URI.create("http://127.0.0.1:9999"))
            .serviceConfiguration(
                    S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-real-secret")))
            .build();

    @AfterEach
    void close() {
        presigner.close();
    }

    @Test
    void signsAFifteenMinutePutOfOneTypeAndSizeUnderTheBookingsPrefix() {
        PhotoUploadLinks.Link link = new PhotoUploadLinks(presigner, "guest-photos")
                .forPhoto("BS-48213", "IMG 0001.HEIC", "image/heic", 123_456)
                .orElseThrow();

        assertThat(link.method()).isEqualTo("PUT");
        assertThat(link.expiresIn()).isEqualTo(900);
        assertThat(link.headers())
                .containsEntry("Content-Type", "image/heic")
                .containsEntry("Content-Length", "123456");
        assertThat(link.key()).matches("uploads/BS-48213/[0-9a-f-]{36}-IMG-0001\\.HEIC");
        assertThat(link.url())
                .startsWith("http://127.0.0.1:9999/guest-photos/uploads/BS-48213/")
                .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=900", "X-Amz-Signature=")
                .contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost");
    }

    @Test
    void refusesWhatIsNotAPhoto() {
        PhotoUploadLinks links = new PhotoUploadLinks(presigner, "guest-photos");

        assertThat(links.forPhoto("BS-1", "notes.pdf", "application/pdf", 10)).isEmpty();
        assertThat(links.forPhoto("BS-1", "x.html", "text/html", 10)).isEmpty();
        assertThat(links.forPhoto("BS-1", "x", null, 10)).isEmpty();
    }

    @Test
    void fileNamesCannotEscapeTheirPrefix() {
        assertThat(PhotoUploadLinks.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(PhotoUploadLinks.safeName("C:\\Users\\me\\Día de playa.jpg")).isEqualTo("Dia-de-playa.jpg");
        assertThat(PhotoUploadLinks.safeName("..")).isEqualTo("photo");
        assertThat(PhotoUploadLinks.safeName("<script>.png")).isEqualTo("script-.png");
    }
}
