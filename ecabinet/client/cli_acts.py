"""The member's decisions from the command line (``position``, ``vote``, ``consent pull``,
``ballot reply|form``, a reply's text composed from the member's notes with
``--from-notes``) and the Government Office's signed papers (``ballot summary``,
``minutes``, and ``result notice|summary``, issued to the presenting ministry through the
document exchange). Each act is written with its outbox entry before the command says so, and is
sent at the next ``ecabinet sync``; the same rules as the window apply (ecabinet.client.acts).
Main thread.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.client.exports import save_paper, save_text
from ecabinet.client.opinion import ballot_opinion


def _position(account: Account, args: argparse.Namespace) -> int:
    acts.set_position(account, args.item_id, args.set, args.comment)
    print(f"Position recorded ({args.set}); it is sent at the next sync.")
    return 0


def _vote(account: Account, args: argparse.Namespace) -> int:
    acts.cast_vote(account, args.item_id, args.choice, args.comment)
    if acts.vote_open_here(account, args.item_id):
        print(f"Vote signed and saved ({args.choice}); it is sent at the next sync.")
    else:
        # The laptop's copy may be behind: the vote is kept and sent, the server decides.
        print(
            f"Vote signed and queued ({args.choice}); it is sent at the next sync. The vote "
            "on this item is not open on this laptop's copy, so the server may refuse it "
            "(vote_not_open)."
        )
    return 0


def _consent_pull(account: Account, args: argparse.Namespace) -> int:
    acts.pull_from_consent(account, args.item_id)
    print("Asked to take the item off the consent list; it is sent at the next sync.")
    return 0


def _level(pdf: bytes) -> str:
    """How long the signature holds up, in words (ecabinet.client.long_term)."""
    from ecabinet.signing.pades import pades_level

    if pades_level(pdf) == "B-B":
        return "PAdES B-B: no timestamp, the server or its TSA could not be reached"
    return f"PAdES {pades_level(pdf)}: timestamped, revocation data inside"


def _ballot_reply(account: Account, args: argparse.Namespace) -> int:
    comment = args.comment
    if args.from_notes:
        # The notes' lines first, then the member's own closing words, if any: what is printed
        # is exactly what is signed.
        composed = ballot_opinion(account, args.ballot_id, args.from_notes)
        comment = "\n".join(part for part in (composed, args.comment.strip()) if part)
        print(f"Opinion composed from your notes:\n{comment}")
    if args.dry_run:
        print("Nothing signed (--dry-run).")
        return 0
    acts.reply_to_ballot(account, args.ballot_id, args.choice, comment)
    level = _level(acts.last_form(account, args.ballot_id))
    print(
        f"Reply form signed on this laptop ({args.choice}, {level}); it is sent at the next sync."
    )
    return 0


def _ballot_form(account: Account, args: argparse.Namespace) -> int:
    save_paper(Path(args.out), acts.last_form(account, args.ballot_id))
    print(f"Wrote your signed form to {args.out}.")
    return 0


def _ballot_summary(account: Account, args: argparse.Namespace) -> int:
    pdf, table = acts.signed_ballot_summary(account, args.ballot_id)
    save_paper(Path(args.pdf), pdf)
    if args.csv:
        save_text(Path(args.csv), table)
    print(
        f"Wrote the signed summary ({_level(pdf)}) to {args.pdf}"
        + (f" and {args.csv}." if args.csv else ".")
    )
    return 0


def _minutes(account: Account, args: argparse.Namespace) -> int:
    pdf, record, votes, speeches = acts.signed_minutes(account, args.meeting_id)
    save_paper(Path(args.pdf), pdf)
    written = [args.pdf]
    for target, text in ((args.json, record), (args.csv, votes), (args.speakers_csv, speeches)):
        if target:
            save_text(Path(target), text)
            written.append(target)
    print(f"Wrote the signed minutes ({_level(pdf)}): {', '.join(written)}")
    return 0


def _result(account: Account, args: argparse.Namespace) -> int:
    """``result notice`` or ``result summary``: the same issuing, for an item or a ballot."""
    notice = args.result_command == "notice"
    notation = args.notation or acts.notation(account, notice)  # the member's body's Office's
    issuing = acts.Issuing(args.number, notation, args.signer_position, args.signer_name, args.to)
    decided = args.item_id if notice else args.ballot_id
    queued = acts.issue_decided(account, decided, issuing, args.meeting_id if notice else None)
    what = "Conclusion notice" if notice else "Ballot summary"
    print(f"{what} {queued.description} queued for {queued.to_organ_id}.")
    return 0


def add_act_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The member's decisions, and the Government Office's summary."""
    position = sub.add_parser("position", help="mark a position on an agenda item")
    position.add_argument("item_id")
    position.add_argument(
        "--set", required=True, choices=["no_objection", "wish_to_speak", "object"]
    )
    position.add_argument("--comment", default="")
    position.set_defaults(run=_position)
    vote = sub.add_parser("vote", help="vote on an agenda item (signed)")
    vote.add_argument("item_id")
    vote.add_argument("--choice", required=True, choices=["agree", "disagree", "abstain"])
    vote.add_argument("--comment", default="")
    vote.set_defaults(run=_vote)
    consent = sub.add_parser("consent", help="the consent list (rule 6)").add_subparsers(
        dest="consent_command", required=True
    )
    pull = consent.add_parser("pull", help="take an item off the consent list: it is debated")
    pull.add_argument("item_id")
    pull.set_defaults(run=_consent_pull)
    ballot = sub.add_parser("ballot", help="reply to a written ballot").add_subparsers(
        dest="ballot_command", required=True
    )
    reply = ballot.add_parser("reply", help="sign a reply form offline and queue it")
    reply.add_argument("ballot_id")
    reply.add_argument("--choice", required=True, choices=["agree", "disagree", "other"])
    reply.add_argument("--comment", default="", help="with --from-notes: added after the notes")
    reply.add_argument(
        "--from-notes",
        metavar="DOC_ID",
        help="the opinion's text composed from your notes on this draft of the ballot",
    )
    reply.add_argument(
        "--dry-run", action="store_true", help="print the text of the reply, sign nothing"
    )
    reply.set_defaults(run=_ballot_reply)
    form = ballot.add_parser("form", help="write your last signed form to a file")
    form.add_argument("ballot_id")
    form.add_argument("--out", required=True)
    form.set_defaults(run=_ballot_form)
    summary = ballot.add_parser("summary", help="Government Office: the signed summary")
    summary.add_argument("ballot_id")
    summary.add_argument("--pdf", required=True)
    summary.add_argument("--csv")
    summary.set_defaults(run=_ballot_summary)
    minutes = sub.add_parser("minutes", help="Government Office: the signed minutes of a session")
    minutes.add_argument("meeting_id")
    minutes.add_argument("--pdf", required=True)
    minutes.add_argument("--json", help="the whole record, for archives")
    minutes.add_argument("--csv", help="every member's vote on every item")
    minutes.add_argument("--speakers-csv", help="who spoke on each item, in order, how long")
    minutes.set_defaults(run=_minutes)
    _add_result_commands(sub)


def _add_result_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The Government Office's results, issued through the document exchange."""
    result = sub.add_parser(
        "result", help="Government Office: issue a result to the presenting ministry"
    ).add_subparsers(dest="result_command", required=True)
    notice = result.add_parser("notice", help="a decided item's signed conclusion notice")
    notice.add_argument("meeting_id")
    notice.add_argument("item_id")
    notice.add_argument("--notation", help="default: TB-VPCP, or the Committee's TB-UBND")
    summary_out = result.add_parser("summary", help="a closed ballot's signed summary")
    summary_out.add_argument("ballot_id")
    summary_out.add_argument("--notation", help="default: BC-VPCP, or the Committee's BC-UBND")
    for command in (notice, summary_out):
        command.add_argument("--number", required=True, help="the number: 123 in 123/TB-VPCP")
        command.add_argument("--signer-position", default="")
        command.add_argument("--signer-name", default="")
        command.add_argument("--to", help="the ministry's organ id, when the server cannot tell")
        command.set_defaults(run=_result)
