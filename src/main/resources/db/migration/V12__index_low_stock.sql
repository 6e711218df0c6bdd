-- The dashboard's "low on stock" panel: active tracked items by stock on hand, without reading the item list.
CREATE INDEX items_low_stock ON items (stock_on_hand, id) WHERE status = 'ACTIVE' AND track_stock;
