/// How many host names the host lists of one answer may expand to, all lists together. The lists
/// come from the controller and may claim far more hosts than they have bytes (`n[0-999999]` is
/// eleven bytes for a million names); a million names cover a cluster of Slurm's largest size
/// (MAX_SLURM_NODES, 65,536 nodes) sixteen times over, and bound what one reply can cost.
enum HostNameBudget {
    static let perAnswer = 1 << 20
}
