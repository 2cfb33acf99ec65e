using Showroom.Presence;
using Showroom.Routing;

namespace Showroom.Tests.Routing;

/// <summary>The selection rules alone: who is eligible, who is offered next.</summary>
public sealed class SelectionTests
{
    static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    static readonly HashSet<Guid> None = [];

    static Candidate Agent(Guid id, ShownStatus status = ShownStatus.Available, bool live = true, int active = 0, int pending = 0, int limit = 8,
        DateTimeOffset? lastChat = null) => new(id, status, live, active, pending, limit, lastChat);

    [Theory]
    [InlineData(ShownStatus.Available, true, OfferKind.Chat, true)]
    [InlineData(ShownStatus.Away, true, OfferKind.Chat, false)]
    [InlineData(ShownStatus.DoNotDisturb, true, OfferKind.Chat, false)]
    [InlineData(ShownStatus.Offline, true, OfferKind.Chat, false)]
    [InlineData(ShownStatus.Available, false, OfferKind.Chat, false)]
    [InlineData(ShownStatus.Available, true, OfferKind.Transfer, true)]
    [InlineData(ShownStatus.Away, true, OfferKind.Transfer, true)]
    [InlineData(ShownStatus.DoNotDisturb, true, OfferKind.Transfer, false)]
    [InlineData(ShownStatus.Away, false, OfferKind.Transfer, false)]
    public void Status_and_a_live_connection_decide_eligibility(ShownStatus status, bool live, OfferKind kind, bool eligible) =>
        Assert.Equal(eligible, Selection.IsEligible(Agent(A, status, live), kind));

    [Fact]
    public void An_agent_at_their_chat_limit_counting_offers_ringing_elsewhere_is_not_eligible()
    {
        Assert.False(Selection.IsEligible(Agent(A, active: 7, pending: 1), OfferKind.Chat));
        Assert.True(Selection.IsEligible(Agent(A, active: 6, pending: 1), OfferKind.Chat));
        Assert.False(Selection.IsEligible(Agent(A, active: 2, limit: 2), OfferKind.Transfer));
    }

    [Fact]
    public void Broadcast_offers_everyone_eligible_who_has_not_passed_or_is_not_ringing_already()
    {
        var chosen = Selection.Choose(RoutingPolicy.Broadcast, OfferKind.Chat,
            [Agent(A), Agent(B), Agent(C, ShownStatus.Away)], passed: new HashSet<Guid> { B }, ringing: None, preferred: null);

        Assert.Equal([A], chosen);
        Assert.Empty(Selection.Choose(RoutingPolicy.Broadcast, OfferKind.Chat, [Agent(A)], None, new HashSet<Guid> { A }, null));
    }

    [Fact]
    public void Sequential_offers_the_fewest_active_chats_then_the_longest_since_the_last_chat()
    {
        var candidates = new[] { Agent(A, active: 2), Agent(B, active: 1, lastChat: Noon), Agent(C, active: 1, lastChat: Noon.AddMinutes(-5)) };

        Assert.Equal([C], Selection.Choose(RoutingPolicy.Sequential, OfferKind.Chat, candidates, None, None, null));
        Assert.Equal([B], Selection.Choose(RoutingPolicy.Sequential, OfferKind.Chat, candidates, new HashSet<Guid> { C }, None, null));
    }

    [Fact]
    public void Sequential_waits_while_an_offer_rings()
    {
        Assert.Empty(Selection.Choose(RoutingPolicy.Sequential, OfferKind.Chat, [Agent(A), Agent(B)], None, new HashSet<Guid> { A }, null));
    }

    [Fact]
    public void A_returning_shoppers_previous_agent_is_offered_alone_until_they_pass()
    {
        var everyone = new[] { Agent(A), Agent(B), Agent(C) };

        Assert.Equal([B], Selection.Choose(RoutingPolicy.Broadcast, OfferKind.Chat, everyone, None, None, preferred: B));
        Assert.Empty(Selection.Choose(RoutingPolicy.Broadcast, OfferKind.Chat, everyone, None, new HashSet<Guid> { B }, preferred: B));
        Assert.Equal([A, C], Selection.Choose(RoutingPolicy.Broadcast, OfferKind.Chat, everyone, new HashSet<Guid> { B }, None, preferred: B));
        // Not eligible (Away): nobody waits for them.
        Assert.Equal([A, C], Selection.Choose(RoutingPolicy.Broadcast, OfferKind.Chat, [Agent(A), Agent(B, ShownStatus.Away), Agent(C)], None, None, preferred: B));
    }

    [Fact]
    public void A_round_is_exhausted_when_everyone_eligible_has_passed_and_nothing_rings()
    {
        var candidates = new[] { Agent(A), Agent(B), Agent(C, ShownStatus.Away) };

        Assert.True(Selection.RoundExhausted(OfferKind.Chat, candidates, new HashSet<Guid> { A, B }, None));
        Assert.False(Selection.RoundExhausted(OfferKind.Chat, candidates, new HashSet<Guid> { A }, None));
        Assert.False(Selection.RoundExhausted(OfferKind.Chat, candidates, new HashSet<Guid> { A }, new HashSet<Guid> { B }));
        Assert.False(Selection.RoundExhausted(OfferKind.Chat, candidates, None, None));
    }

    [Fact]
    public void Escalation_steps_follow_the_settings_and_the_groups_permission()
    {
        var all = new RoutingSettings { EscalateToOtherDepartments = true, EscalateToManagers = true, EscalateToGroupDealers = true };

        Assert.Equal([EscalationStep.Department, EscalationStep.OtherDepartments, EscalationStep.Managers, EscalationStep.GroupDealers],
            Selection.Steps(all, groupAllowsCrossDealerWork: true));
        Assert.Equal([EscalationStep.Department, EscalationStep.OtherDepartments, EscalationStep.Managers],
            Selection.Steps(all, groupAllowsCrossDealerWork: false));
        Assert.Equal([EscalationStep.Department],
            Selection.Steps(new RoutingSettings { EscalateToOtherDepartments = false, EscalateToManagers = false }, true));
    }
}
