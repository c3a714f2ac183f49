package io.customer360.datagen.session;

import io.customer360.datagen.weather.DailyWeather;
import io.customer360.datagen.world.Campaign;
import io.customer360.datagen.world.Catalog;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a session sees around it: the catalogue, the running campaigns and the local weather.
 *
 * @param catalog the catalogue in today's prices
 * @param running campaigns running today
 * @param weather today's observed weather at the visitor's zip code
 * @param orderIds hands out the next order id
 */
public record SessionContext(
    Catalog catalog, List<Campaign> running, DailyWeather weather, Supplier<String> orderIds) {}
