package io.customer360.infra.local.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** S3 on S3Proxy: file-system backed when given a directory, in memory otherwise. */
public final class EmbeddedS3 implements AutoCloseable {

  private final S3Proxy proxy;
  private final URI endpoint;

  private EmbeddedS3(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  /** Starts S3Proxy on 127.0.0.1, accepting SigV2 and SigV4 with the given keys. */
  public static EmbeddedS3 start(int port, Optional<Path> dataDir, String accessKey, String secret)
      throws Exception {
    BlobStore store;
    if (dataDir.isPresent()) {
      Files.createDirectories(dataDir.get());
      store = new FilesystemNio2BlobStore(dataDir.get().toString());
    } else {
      store = new TransientNio2BlobStore();
    }
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(endpoint)
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secret)
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    FreePort.awaitOpen("S3Proxy", port, java.time.Duration.ofSeconds(30), () -> true);
    return new EmbeddedS3(proxy, endpoint);
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
