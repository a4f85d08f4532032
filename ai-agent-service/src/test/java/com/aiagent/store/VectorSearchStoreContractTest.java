package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The vector-store contract on Vertex AI Vector Search (a fake speaking its REST format) beside the
 * PostgreSQL rows: the seed fills the index, and every search here is answered by the fake.
 */
@Tag("services")
class VectorSearchStoreContractTest extends VectorStoreContract {
  private FakeVectorSearchServer index;

  @Override
  protected SeededStores openStores() throws Exception {
    index = new FakeVectorSearchServer(768);
    return SeededStores.vectorSearch(index);
  }

  /** The searches were the index's: answered by the fake, none failed over to PostgreSQL. */
  @AfterAll
  void closeIndex() {
    try {
      assertThat(index.errors()).isZero();
      assertThat(index.calls("findNeighbors")).isGreaterThanOrEqualTo(9);
      assertThat(index.size()).isGreaterThanOrEqualTo(300);
    } finally {
      index.close();
    }
  }
}
