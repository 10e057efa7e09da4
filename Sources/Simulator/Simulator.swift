/// The virtual charge point and the fleet runner (issue 5). Nothing is built here yet;
/// the `chargesim fleet` command says so instead of pretending.
public enum Simulator {}
