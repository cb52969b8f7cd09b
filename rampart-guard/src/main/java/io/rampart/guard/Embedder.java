package io.rampart.guard;

/** Turns text into a fixed-size vector for the classifier head. */
interface Embedder {
  int dimension();

  float[] embed(String text);
}
