"""Document interconnection (liên thông văn bản): edXML packages from ministries through the
national document exchange, read (edxml) and their signatures checked (xmlsig), answered with
status packages (status); results to ministries built (result) and sealed (xmlsig); all queued
in the outbound table (outbox) and delivered (delivery). The services that use them are
services.interconnect (receipt), services.inbox (the Government Office's inbox) and
services.results (results issued)."""
