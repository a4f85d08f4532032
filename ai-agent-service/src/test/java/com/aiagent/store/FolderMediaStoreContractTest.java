package com.aiagent.store;

import com.aiagent.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The media store contract on a folder. */
class FolderMediaStoreContractTest extends MediaStoreContract {
  @TempDir Path dir;

  @Override
  protected MediaStore open(Map<String, String> retention) throws Exception {
    MediaStore store =
        new FolderMediaStore(
            vertx,
            dir,
            new AppConfig.Retention(
                Integer.parseInt(retention.get("RETENTION_MAX_GENERATED")),
                Integer.parseInt(retention.get("RETENTION_MAX_AGE_HOURS")),
                60_000,
                1000));
    await(store.open());
    return store;
  }

  @Override
  protected void backdate(String name, Instant at) throws Exception {
    Files.setLastModifiedTime(dir.resolve(name), FileTime.from(at));
  }
}
