"""Review that moves: the steps an article takes from its author to the
public (send for review, send back with a note, publish, schedule), the
queue on the admin home, the e-mails that tell people, the comparison of
two versions, scheduled withdrawal and autosaved drafts."""
