package com.aiagent.events;

import com.aiagent.bus.RequestChecks;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.store.EventType;
import com.aiagent.store.ItemType;
import com.aiagent.store.UserEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks of one event: first its fields on their own ({@link #shape}), then its user and item
 * against the catalog ({@link #references}). A failed check is a reason the client can act on; it
 * rejects that event only. An event without {@code ts} happened when the service received it.
 */
final class EventChecks {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
  private static final Map<EventType, Set<ItemType>> TARGETS =
      Map.of(
          EventType.IMPRESSION, EnumSet.of(ItemType.CONTENT, ItemType.CAMPAIGN),
          EventType.CLICK, EnumSet.of(ItemType.CONTENT, ItemType.CAMPAIGN, ItemType.PRODUCT),
          EventType.LIKE, EnumSet.of(ItemType.CONTENT),
          EventType.UNLIKE, EnumSet.of(ItemType.CONTENT),
          EventType.HIDE, EnumSet.of(ItemType.CONTENT, ItemType.CAMPAIGN),
          EventType.PURCHASE, EnumSet.of(ItemType.PRODUCT, ItemType.CAMPAIGN),
          EventType.FOLLOW, EnumSet.of(ItemType.USER),
          EventType.UNFOLLOW, EnumSet.of(ItemType.USER));

  /** What a published AI-generated post takes: it is shown (seen) and can be hidden. */
  private static final Set<EventType> POST_TARGETS =
      EnumSet.of(EventType.IMPRESSION, EventType.HIDE);

  private static final String TYPES =
      Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "));

  private final AppConfig.Events config;

  EventChecks(AppConfig.Events config) {
    this.config = config;
  }

  /** An event, or why not, from its fields alone. */
  record Shaped(UserEvent event, String reason) {}

  Shaped shape(EventInput input, Instant now) {
    if (input == null) {
      return rejected("each event must be a JSON object");
    }
    if (input.problem() != null) {
      return rejected(input.problem());
    }
    if (input.eventId() == null || !ID.matcher(input.eventId()).matches()) {
      return rejected("event_id must be 1 to 128 letters, digits, '_', '-', '.' or ':'");
    }
    String userId;
    try {
      userId = RequestChecks.userId(input.userId());
    } catch (ServiceFailure failure) {
      return rejected(failure.getMessage());
    }
    EventType type = EventType.fromWire(input.type()).orElse(null);
    if (type == null) {
      return rejected(
          "type must be one of "
              + TYPES
              + (input.type() == null ? "" : ", got '" + input.type() + "'"));
    }
    if (input.itemId() == null || !ID.matcher(input.itemId()).matches()) {
      return rejected("item_id must be 1 to 128 letters, digits, '_', '-', '.' or ':'");
    }
    if (type == EventType.FOLLOW || type == EventType.UNFOLLOW) {
      if (input.itemId().equals(userId)) {
        return rejected("a user cannot " + type.wireName() + " themselves");
      }
    }
    Instant ts;
    try {
      ts = input.ts() == null ? now : parseTs(input.ts());
    } catch (DateTimeParseException | NumberFormatException e) {
      return rejected("ts must be an ISO-8601 instant such as 2026-12-02T09:30:00Z");
    }
    if (ts.isAfter(now.plusMillis(config.maxFutureMs()))) {
      return rejected(
          "ts is more than "
              + Duration.ofMillis(config.maxFutureMs()).toHours()
              + " h in the future");
    }
    if (ts.isBefore(now.minusMillis(config.maxAgeMs()))) {
      return rejected(
          "ts is more than " + Duration.ofMillis(config.maxAgeMs()).toDays() + " days in the past");
    }
    return new Shaped(new UserEvent(userId, input.eventId(), type, input.itemId(), ts), null);
  }

  /**
   * Why {@code event} cannot apply given what its ids are ({@code kinds}; {@code posts}: the ids
   * that are published AI-generated posts), or null when it can.
   */
  String references(UserEvent event, Map<String, ItemType> kinds, Set<String> posts) {
    if (kinds.get(event.userId()) != ItemType.USER) {
      return "unknown user: " + event.userId();
    }
    ItemType kind = kinds.get(event.itemId());
    if (kind == null && posts.contains(event.itemId())) {
      return POST_TARGETS.contains(event.type())
          ? null
          : event.type().wireName()
              + " does not take an AI-generated post; "
              + event.itemId()
              + " is one (impression and hide do)";
    }
    if (kind == null) {
      return "unknown item: " + event.itemId();
    }
    Set<ItemType> allowed = TARGETS.get(event.type());
    if (!allowed.contains(kind)) {
      return event.type().wireName()
          + " takes "
          + allowed.stream().map(t -> t.name().toLowerCase()).collect(Collectors.joining(" or "))
          + "; "
          + event.itemId()
          + " is a "
          + kind.name().toLowerCase();
    }
    return null;
  }

  private static Instant parseTs(String raw) {
    if (raw.matches("\\d{1,15}")) {
      return Instant.ofEpochMilli(Long.parseLong(raw));
    }
    return Instant.parse(raw);
  }

  private static Shaped rejected(String reason) {
    return new Shaped(null, reason);
  }
}
