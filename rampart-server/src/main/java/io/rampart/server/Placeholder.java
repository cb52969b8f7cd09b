package io.rampart.server; /** placeholder */ final class Placeholder { private Placeholder() {} }
