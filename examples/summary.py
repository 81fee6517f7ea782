"""Print a readable summary of the bundled dataset.

    python examples/summary.py

Who is involved, who said what and when, the deployment with its troop
estimate and who gave it, and the claims that are disputed.
"""

from __future__ import annotations

from conflictbrief import ActorKind, Brief, SourceKind, datasets


def name(brief: Brief, actor: str | None) -> str:
    """Return the name of *actor*, or say that no one is named."""
    return "(unattributed)" if actor is None else brief.actors[actor].name


def main() -> None:
    """Print the summary of the default dataset."""
    brief = datasets.load()
    article = next(s for s in brief.sources if s.kind is SourceKind.ARTICLE)
    print(brief.title)
    print(f"{article.title}, published {article.published}")
    print()

    print("Who is involved")
    for kind in ActorKind:
        members = [a.name for a in brief.actors if a.kind is kind]
        if members:
            label = kind.value.replace("_", " ")
            print(f"  {label}: {', '.join(members)}")
    print()

    print("Who said what, in date order")
    for st in sorted(brief.statements, key=lambda s: s.date.sort_key):
        speaker = name(brief, st.speaker)
        if st.via is not None:
            speaker += f" (via {name(brief, st.via)})"
        print(f"  {st.date}  {speaker} [{st.kind.value}]: {st.summary}")
    print()

    print("Deployments")
    for dep in brief.deployments:
        route = f"{name(brief, dep.sender)} to {name(brief, dep.host)}"
        place = "" if dep.place is None else f", {brief.places[dep.place].name}"
        print(f"  {dep.id}: {route}{place}, arrived {dep.date}")
        if dep.troops is not None:
            by = ", ".join(name(brief, a) for a in dep.estimated_by)
            print(f"    troops: {dep.troops} (estimated by {by})")
        if dep.reinforces is not None:
            print(f"    reinforces {dep.reinforces}; no figure of its own")
    print()

    print("Disputed claims")
    for st in brief.statements:
        if st.responds_to is None:
            continue
        claim = brief.statements[st.responds_to]
        print(f"  {name(brief, claim.speaker)} claims: {claim.summary}")
        print(f"    {name(brief, st.speaker)} [{st.kind.value}]: {st.summary}")


if __name__ == "__main__":
    main()
