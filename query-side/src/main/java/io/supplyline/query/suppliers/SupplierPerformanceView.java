package io.supplyline.query.suppliers;

/**
 * A supplier's delivery record. Rates are fractions from 0 to 1, null while nothing counts yet.
 *
 * @param onTimeDeliveryRate   fully received purchase orders whose last goods came on or before the expected day
 * @param fillRate             units received of units ordered, over purchase orders that are due or closed
 * @param averageLeadTimeDays  days from placing to the last receipt, over fully received purchase orders
 * @param openLatePurchaseOrders purchase orders still expecting goods after their expected day
 */
public record SupplierPerformanceView(String code, String name, Integer leadTimeDays, boolean suspended,
                                      long purchaseOrders, long openPurchaseOrders, long openLatePurchaseOrders,
                                      long deliveredPurchaseOrders, Double onTimeDeliveryRate, Double fillRate,
                                      Double averageLeadTimeDays, long version) {
}
