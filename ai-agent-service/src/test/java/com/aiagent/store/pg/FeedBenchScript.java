package com.aiagent.store.pg;

/**
 * Prints the pgbench script of {@code scripts/feed_bench.sh}: the statements one uncached first
 * page runs when the user's candidates are stored ({@link FeedSql#STATE}, then {@link
 * FeedSql#TEXTS} for a page), taken from the service's own {@link FeedSql} so they cannot drift, as
 * one transaction for a uniformly random user of the scale data set. pgbench cannot build a string
 * variable, so the user id is made in SQL from {@code :u}, and the page is the first {@code page}
 * ids of the user's stored candidates (the service shows the ranked first page: the same number of
 * rows from the same tables).
 *
 * <p>Usage: {@code java -cp target/ai-agent.jar:<classes> com.aiagent.store.pg.FeedBenchScript
 * USERS PAGE}
 */
public final class FeedBenchScript {
  private FeedBenchScript() {}

  public static void main(String[] args) {
    int users = Integer.parseInt(args[0]);
    int page = Integer.parseInt(args[1]);
    String user = "('scale_user_' || lpad(:u::text, 7, '0'))";
    String state = FeedSql.STATE.replace("$1", user).replace("$2", "current_date");
    int ads = page / 4;
    String ids =
        "(SELECT fc.content_ids[1:"
            + (page - ads)
            + "] || fc.ad_ids[1:"
            + ads
            + "] FROM feed_candidates fc WHERE fc.user_id = "
            + user
            + ")::text[]";
    String texts = FeedSql.TEXTS.replace("$1", user).replace("$2", ids);
    System.out.println("\\set u random(1, " + users + ")");
    System.out.println("BEGIN;");
    System.out.println(state + ";");
    System.out.println(texts + ";");
    System.out.println("END;");
  }
}
