package vn.tiendo.events.common;

/** Which way an indicator should move from its baseline. */
public enum Direction { INCREASE, DECREASE, MAINTAIN }
