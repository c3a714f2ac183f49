package io.customer360.datagen.world;

/**
 * A US zip code with the place it belongs to and the climate inputs of the weather model.
 *
 * @param zip five-digit zip code, leading zeros kept
 * @param city city name
 * @param state two-letter state code
 * @param latitude degrees north, drives the seasonal temperature
 * @param wetness 0..1, how rainy the place is
 */
public record ZipArea(String zip, String city, String state, double latitude, double wetness) {}
