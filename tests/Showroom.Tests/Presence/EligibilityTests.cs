using Showroom.Presence;

namespace Showroom.Tests.Presence;

/// <summary>The status table of the design, cell by cell.</summary>
public sealed class EligibilityTests
{
    [Theory]
    // status,                 live,  customer chat,     transfer,          internal message
    [InlineData(ShownStatus.Available, true, Decision.Notify, Decision.Notify, Decision.Notify)]
    [InlineData(ShownStatus.Away, true, Decision.Refuse, Decision.Notify, Decision.Notify)]
    [InlineData(ShownStatus.DoNotDisturb, true, Decision.Refuse, Decision.Refuse, Decision.Silent)]
    [InlineData(ShownStatus.Offline, false, Decision.Refuse, Decision.Refuse, Decision.Silent)]
    // Inside the grace period (no live connection, status kept): nothing new is offered.
    [InlineData(ShownStatus.Available, false, Decision.Refuse, Decision.Refuse, Decision.Silent)]
    [InlineData(ShownStatus.Away, false, Decision.Refuse, Decision.Refuse, Decision.Silent)]
    public void Status_decides_what_reaches_the_agent(ShownStatus status, bool live, Decision customer, Decision transfer, Decision internalMessage)
    {
        Assert.Equal(customer, Eligibility.Decide(status, live, Delivery.CustomerChatOffer));
        Assert.Equal(transfer, Eligibility.Decide(status, live, Delivery.TransferOffer));
        Assert.Equal(internalMessage, Eligibility.Decide(status, live, Delivery.InternalMessage));
    }
}
