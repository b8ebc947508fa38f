import SextantStore

extension StoreConformance {
    static let recoveryChecks: [StoreCheck] = [
        StoreCheck("a reopened store hands back the intents to reconcile") { harness in
            let store = harness.store
            _ = try await store.recordIntent(Samples.order("sent-not-acked", created: 1000))
            _ = try await store.recordIntent(Samples.order("acked", created: 2000))
            try await store.updateOrderState(
                clientOrderID: "acked", to: .acknowledged, venueOrderID: "V2", at: .init(2500))
            _ = try await store.recordIntent(Samples.order("done", created: 3000))
            try await store.updateOrderState(clientOrderID: "done", to: .filled, at: .init(3500))
            try await store.close()

            let restarted = try await harness.reopen()
            try expectEqual(
                try await restarted.unsentIntents(), [Samples.order("sent-not-acked", created: 1000)], "unsent")
            try expectEqual(
                try await restarted.openOrders().map(\.clientOrderID), ["sent-not-acked", "acked"], "open")
            // The restart decides the same order again: the store answers that it exists.
            let replay = try await restarted.recordIntent(Samples.order("sent-not-acked", created: 9999))
            try expect(!replay.wasInserted, "replay must not insert")
            try expectEqual(replay.order.created, EpochMilliseconds(1000), "created")
            try await restarted.close()
        },
        StoreCheck("a second connection sees every committed intent at once") { harness in
            let other = try await harness.reopen()
            for index in 0..<20 {
                _ = try await harness.store.recordIntent(Samples.order("O\(index)", created: Int64(index)))
                try expect(try await other.order(clientOrderID: "O\(index)") != nil, "O\(index) visible")
            }
            try await other.close()
        },
        StoreCheck("a closed store says so") { harness in
            try await harness.store.close()
            try await expectError("closed", matches: { $0.is(.closed) }) { _ = try await harness.store.openOrders() }
            try await expectError("closed", matches: { $0.is(.closed) }) {
                try await harness.store.recordRun(Samples.run)
            }
        },
    ]
}
